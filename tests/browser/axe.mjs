#!/usr/bin/env node
// The accessibility scan of the reports: opens each HTML file named on the command line (or
// each .html file in a folder named there) in Debian's Chromium, through playwright-core, and
// runs axe-core on it for WCAG 2.0, 2.1 and 2.2, levels A and AA.
//
//   node tests/browser/axe.mjs FILE_OR_FOLDER...
//
// Prints each violation (its rule, impact, help and the elements it found) and exits 1 if there
// is any; exits 2 when it cannot scan (no files, a file that cannot be opened), 0 when every
// file passes. $SCORECARD_CHROMIUM names another Chromium, as it does for the PDF.

import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// The files to scan: each argument that is a file, and the .html files of each that is a folder.
function filesOf(args) {
  const files = [];
  for (const arg of args) {
    if (statSync(arg).isDirectory()) {
      for (const name of readdirSync(arg).sort()) {
        if (name.endsWith('.html')) files.push(join(arg, name));
      }
    } else {
      files.push(arg);
    }
  }
  return files.map((f) => resolve(f));
}

function describe(violation) {
  const lines = [`  ${violation.id} (${violation.impact}): ${violation.help}`,
                 `    ${violation.helpUrl}`];
  for (const node of violation.nodes) {
    lines.push(`    at ${node.target.join(' ')}: ${node.html}`);
  }
  return lines.join('\n');
}

// A context of its own for each file, as AxeBuilder needs.
async function scan(browser, file) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const response = await page.goto(pathToFileURL(file).href);
    if (response && !response.ok()) throw new Error(`cannot open ${file}: ${response.status()}`);
    return await new AxeBuilder({ page }).withTags(TAGS).analyze();
  } finally {
    await context.close();
  }
}

async function main(args) {
  if (args.length === 0) {
    console.error('usage: node tests/browser/axe.mjs FILE_OR_FOLDER...');
    return 2;
  }
  const files = filesOf(args);
  if (files.length === 0) {
    console.error(`axe: no HTML files in ${args.join(' ')}`);
    return 2;
  }
  const browser = await chromium.launch({
    executablePath: process.env.SCORECARD_CHROMIUM || '/usr/bin/chromium',
    chromiumSandbox: false,
  });
  let violations = 0;
  try {
    for (const file of files) {
      const result = await scan(browser, file);
      violations += result.violations.length;
      const rules = result.passes.length + result.violations.length;
      const review = result.incomplete.map((r) => r.id).join(', ') || 'none';
      console.log(`${file}: ${result.violations.length} violations (${rules} rules applied; ` +
                  `to review by hand: ${review})`);
      for (const v of result.violations) console.log(describe(v));
    }
  } finally {
    await browser.close();
  }
  console.log(`axe: ${files.length} files, ${violations} violations (${TAGS.join(', ')})`);
  return violations === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`axe: ${error.message}`);
    process.exit(2);
  });
