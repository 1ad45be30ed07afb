// Entry for the "lit alone" reference size in `npm run bench`: lit's main module, nothing else.
export * from 'lit';
