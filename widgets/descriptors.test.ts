import { describe, expect, it } from 'vitest';
import { COMPOSITE_TAGS, UPSTREAM_CALLS, WIDGET_DESCRIPTORS, linkSegments, type WidgetDescriptor } from '@platform-widgets/backstage-plugin-common/contract';
import { WIDGET_TAGS, loadWidget } from './embed.js';

const descriptorModules = import.meta.glob<Record<string, WidgetDescriptor>>('./*/*.descriptor.ts', { eager: true });
const descriptors: readonly WidgetDescriptor[] = WIDGET_DESCRIPTORS;

describe('widget descriptors', () => {
  it('every widget folder has one (a composite such as <service-health> calls no tool: none), and the collected list (npm run generate) matches them', () => {
    const fromFolders = Object.values(descriptorModules).flatMap((module) => Object.values(module));
    const composites: readonly string[] = COMPOSITE_TAGS;
    expect(fromFolders.map((descriptor) => descriptor.tag).sort()).toEqual(WIDGET_TAGS.filter((tag) => !composites.includes(tag)).sort());
    for (const tag of composites) expect(WIDGET_TAGS).toContain(tag);
    expect(JSON.parse(JSON.stringify(fromFolders))).toEqual(JSON.parse(JSON.stringify([...descriptors].sort((a, b) => a.tag.localeCompare(b.tag)))));
  });

  it.each(descriptors.map((descriptor) => [descriptor.tag, descriptor] as const))('<%s> observes every attribute its descriptor maps', async (tag, descriptor) => {
    await loadWidget(tag);
    const element = customElements.get(tag);
    const observed: unknown = element && Reflect.get(element, 'observedAttributes');
    expect(Array.isArray(observed), `${tag} observes attributes`).toBe(true);
    for (const attribute of descriptor.attributes) expect(observed, attribute.name).toContain(attribute.name);
  });

  it('every required annotation is mirrored by an attribute or named as an entity-only requirement', () => {
    for (const descriptor of descriptors) {
      for (const group of descriptor.requires) expect(group.length, descriptor.tag).toBeGreaterThan(0);
      for (const action of descriptor.actions ?? []) {
        const calls = Object.values(descriptor.calls).flat();
        expect(calls.some((call) => call.action === action), `${descriptor.tag}: a call carries ${action}`).toBe(true);
      }
    }
  });

  it("the backend's allowlist is the union of the descriptors' calls", () => {
    for (const descriptor of descriptors) {
      for (const [system, calls] of Object.entries(descriptor.calls)) {
        for (const call of calls) expect(UPSTREAM_CALLS[system as keyof typeof UPSTREAM_CALLS]).toContainEqual(call);
      }
    }
  });

  it('links: the first route whose attributes are set; optional segments left out; none when no route fits', () => {
    const argo = { links: ['applications/{app-namespace?}/{app-name}', 'applications'] };
    expect(linkSegments(argo, { 'app-name': 'guestbook' })).toEqual(['applications', 'guestbook']);
    expect(linkSegments(argo, { 'app-name': 'guestbook', 'app-namespace': 'team' })).toEqual(['applications', 'team', 'guestbook']);
    expect(linkSegments(argo, {})).toEqual(['applications']);
    expect(linkSegments({ links: ['project/{project}'] }, { project: ' ' })).toBeUndefined();
  });
});
