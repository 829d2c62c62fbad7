// Builds the console into one folder: index.html plus content-hashed JS and CSS (app-<hash>.js, app-<hash>.css),
// so that the page can be served with no-cache and everything else cached for a year. The folder is Maven's
// target/classes/console/ (the module's jar carries it; the local runner and the stack's publisher serve it);
// `node build.mjs <dir>` writes elsewhere.
import * as esbuild from "esbuild";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const outdir = path.resolve(process.argv[2] ?? "target/classes/console");
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const result = await esbuild.build({
  entryPoints: { app: "src/main.js" },
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  entryNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  outdir,
  metafile: true,
  legalComments: "linked",
  logLevel: "warning",
});

const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
const script = outputs.find((file) => /^app-[A-Z0-9]+\.js$/.test(file));
const style = outputs.find((file) => /^app-[A-Z0-9]+\.css$/.test(file));
if (!script || !style) {
  throw new Error(`esbuild wrote no app-<hash>.js and app-<hash>.css: ${outputs.join(", ")}`);
}
const page = (await readFile("src/index.html", "utf8"))
  .replace("{{script}}", script)
  .replace("{{style}}", style);
if (page.includes("{{")) {
  throw new Error("src/index.html has a placeholder the build does not fill");
}
await writeFile(path.join(outdir, "index.html"), page);
await copyFile("src/favicon.svg", path.join(outdir, "favicon.svg"));
// The list of files, beside the folder (not served): the stack's publisher copies exactly these to the bucket.
const files = ["index.html", "favicon.svg", ...outputs].sort();
await writeFile(path.join(outdir, "..", "console-files.txt"), `${files.join("\n")}\n`);
console.log(`console built in ${path.relative(process.cwd(), outdir)}: index.html, ${outputs.join(", ")}`);
