import type { Entity } from '@backstage/catalog-model';
import { Content, Header, Page } from '@backstage/core-components';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import type { ReactElement } from 'react';

export interface DevCard {
  id: string;
  element: ReactElement;
  filter: ((entity: Entity) => boolean) | undefined;
}

/** An entity overview like the catalog's: the plugin's cards, each behind its own filter. */
export function DevEntityPage({ entity, cards }: { entity: Entity; cards: readonly DevCard[] }) {
  return (
    <Page themeId="service">
      <Header title={entity.metadata.title ?? entity.metadata.name} subtitle="Platform Widgets plugin — dev entity page" />
      <Content>
        <EntityProvider entity={entity}>
          <Grid container spacing={3}>
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
