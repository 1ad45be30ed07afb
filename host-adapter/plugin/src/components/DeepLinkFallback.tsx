import { InfoCard, Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';

export interface DeepLinkFallbackProps {
  title: string;
  /** The tool's name, e.g. "Argo CD". */
  toolName: string;
  /** The tool's page for this resource; absent when no UI URL is configured. */
  href: string | undefined;
  reason: string;
  children?: ReactNode;
}

/** What a card shows when the widget cannot run: the reason and a link into the tool's own UI. */
export function DeepLinkFallback({ title, toolName, href, reason }: DeepLinkFallbackProps) {
  return (
    <InfoCard title={title}>
      <div role="status" data-testid="platform-widget-fallback">
        <Typography variant="body2" paragraph>
          {reason}
        </Typography>
        {href ? (
          <Link to={href} target="_blank" rel="noopener noreferrer">
            Open in {toolName}
          </Link>
        ) : (
          <Typography variant="body2" color="textSecondary">
            Set platformWidgets.systems.&lt;system&gt;.uiUrl for a link into {toolName}.
          </Typography>
        )}
      </div>
    </InfoCard>
  );
}

/** A badge's fallback: one line, the tool's name linking into it, and the reason (also as tooltip). */
export function BadgeFallback({ toolName, href, reason }: Omit<DeepLinkFallbackProps, 'title' | 'children'>) {
  return (
    <span role="status" title={reason} data-testid="platform-widget-fallback">
      {href ? (
        <Link to={href} target="_blank" rel="noopener noreferrer">
          {toolName}
        </Link>
      ) : (
        toolName
      )}
      : {reason}
    </span>
  );
}
