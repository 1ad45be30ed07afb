import type { Entity } from '@backstage/catalog-model';
import { Content, Header, Page } from '@backstage/core-components';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useState, type ReactElement } from 'react';

export interface DevCard {
  id: string;
  element: ReactElement;
  filter: ((entity: Entity) => boolean) | undefined;
}

/**
 * An entity overview like the catalog's: the plugin's cards (the ones the catalog's filter
 * would hide are shown too, for their missing-annotation state). "Remount cards" mounts them
 * afresh on the same page, as navigating away and back would.
 */
export function DevEntityPage({ entity, cards }: { entity: Entity; cards: readonly DevCard[] }) {
  const [mount, setMount] = useState(0);
  return (
    <Page themeId="service">
      <Header title={entity.metadata.title ?? entity.metadata.name} subtitle="Platform Widgets plugin — dev entity page" />
      <Content>
        <Button variant="outlined" onClick={() => setMount((count) => count + 1)} style={{ marginBottom: 16 }}>
          Remount cards
        </Button>
        <EntityProvider entity={entity}>
          <Grid container spacing={3} key={mount}>
            {cards.map((card) => (
              <Grid item xs={12} md={6} key={card.id} data-card={card.id} data-shown={String(card.filter?.(entity) ?? true)}>
                {card.element}
              </Grid>
            ))}
          </Grid>
        </EntityProvider>
      </Content>
    </Page>
  );
}
