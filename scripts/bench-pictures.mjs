// Eleventy Image on a folder of photos, all at once as a site build would, in the widths and
// formats Broadside publishes. Prints the number of files it reports and eleventy-img's concurrency.
//
// usage: node bench-pictures.mjs PHOTOS_DIR OUTPUT_DIR   (run from a folder where @11ty/eleventy-img is installed)
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(join(process.cwd(), "package.json"));
const Image = require("@11ty/eleventy-img");

const [photos, outputDir] = process.argv.slice(2);
const files = readdirSync(photos).filter((name) => /\.(jpe?g|png|webp|avif)$/i.test(name)).sort();

const results = await Promise.all(files.map((name) => Image(join(photos, name), {
  widths: [320, 640, 960, 1280, 1600],
  formats: ["avif", "webp", "jpeg"],
  outputDir,
})));

const outputs = results.flatMap((metadata) => Object.values(metadata).flat());
console.log(`eleventy-img: ${files.length} photos, ${outputs.length} files, concurrency ${Image.concurrency}`);
