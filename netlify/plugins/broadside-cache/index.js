// Keeps, between production deploys on Netlify, what lets the next deploy start from this one:
//   output                     the published site, with the manifest of what Broadside wrote;
//   .output.broadside-cache    the article cache and the saved state of the build (state.bin);
//   .broadside/cli             Broadside compiled once per version of its source (scripts/netlify-build.sh).
// A build that starts from them proves them against the manifest, and makes everything again on any
// doubt, so a deploy with the cache publishes what a deploy without it would. Deploy previews and
// branch deploys build with other options (drafts, scheduled articles, their own address) and neither
// read nor write the cache, so nothing of theirs reaches production.
// Netlify gives every build plugin its cache as utils.cache (@netlify/cache-utils).
const PATHS = ['output', '.output.broadside-cache', '.broadside/cli'];

const production = () => process.env.CONTEXT === 'production';

module.exports = {
  async onPreBuild({ utils }) {
    if (!production()) {
      console.log(`broadside-cache: ${process.env.CONTEXT || 'this'} build starts afresh (only production deploys use the cache)`);
      return;
    }

    for (const path of PATHS) {
      const restored = await utils.cache.restore(path);
      console.log(`broadside-cache: ${path} ${restored ? 'restored' : 'not in the cache'}`);
    }
  },

  // After the build succeeded and before the deploy: copied, never moved, since Netlify publishes output
  // after this step.
  async onPostBuild({ utils }) {
    if (!production()) {
      return;
    }

    for (const path of PATHS) {
      const saved = await utils.cache.save(path, { move: false });
      console.log(`broadside-cache: ${path} ${saved ? 'saved' : 'missing, not saved'}`);
    }
  },
};
