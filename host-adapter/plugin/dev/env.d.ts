interface ImportMetaEnv {
  /** The widget remote's manifest the dev app loads when the page names none (`?remote=`). */
  readonly VITE_PW_REMOTE_URL?: string;
}
