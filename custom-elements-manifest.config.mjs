/**
 * `custom-elements.json` for the package (`npm run build:cem`), read by
 * editors, Storybook and linters: the element's attributes, properties,
 * methods, events, CSS custom properties and parts, from the class JSDoc
 * (`@fires`, `@cssprop`, `@csspart`, `@attr`) and Lit's decorators.
 *
 * The element lives in the one script the package exports
 * (`dist/embed/epaper-viewer.js`), so the manifest names that file rather
 * than the TypeScript sources, which the package does not ship; private
 * members are left out.
 */
const BUNDLE = 'dist/embed/epaper-viewer.js';

/** @type {import('@custom-elements-manifest/analyzer').Config} */
export default {
  // The reader panel (`<epaper-reader-panel>`) is the viewer's own part, not for hosts to use.
  globs: ['src/viewer/epaper-viewer.ts'],
  outdir: '.',
  litelement: true,
  // package.json's `customElements` field is written by hand.
  packagejson: false,
  plugins: [
    {
      name: 'epaper:package-paths',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          mod.path = BUNDLE;
          for (const declaration of mod.declarations ?? []) {
            if (declaration.members) {
              declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#') && !m.static);
            }
          }
          for (const exp of mod.exports ?? []) {
            if (exp.declaration?.module) exp.declaration.module = BUNDLE;
          }
        }
      },
    },
  ],
};
