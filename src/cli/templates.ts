// What `aws-workflows lint` needs for templates: the files beside a template on disk, and the
// templates that may name a definition file (among the targets, else in the folders above it).

import { existsSync, readdirSync, statSync } from 'node:fs';
import { readBoundedTextFileSync } from '../files/read';
import { dirname, join, relative, resolve } from 'node:path';
import { isContained } from '../common/containment';
import { definitionUris, looksLikeTemplate, type SiblingFiles, type TemplateSource } from '../core/cfn';

const TEMPLATE_FILE = /\.(ya?ml|json|template)$/i;
/** Templates larger than this are not read to look for links. */
const MAX_TEMPLATE_BYTES = 4 * 1024 * 1024;

export function siblingFilesOnDisk(folder: string, roots: readonly string[]): SiblingFiles {
  return {
    exists: (rel) => existsSync(resolve(folder, rel)),
    read: (rel) => {
      try {
        const read = readBoundedTextFileSync(resolve(folder, rel), MAX_TEMPLATE_BYTES);
        return read.ok ? read.text : undefined;
      } catch {
        return undefined;
      }
    },
    list: (rel) => {
      try {
        return readdirSync(resolve(folder, rel || '.'));
      } catch {
        return undefined;
      }
    },
    contained: (rel) => isContained(roots, resolve(folder, rel)),
  };
}

function readTemplate(absolute: string, cwd: string, known?: ReadonlyMap<string, string>): TemplateSource | undefined {
  try {
    if (!TEMPLATE_FILE.test(absolute)) return undefined;
    // Bounded, regular files only: a folder of definitions may hold a link to /dev/zero or a FIFO.
    const read = known?.has(absolute) ? { ok: true as const, text: known.get(absolute)! } : readBoundedTextFileSync(absolute, MAX_TEMPLATE_BYTES);
    if (!read.ok || read.text.length > MAX_TEMPLATE_BYTES) return undefined;
    const text = read.text;
    return looksLikeTemplate(text) ? { fileName: relative(cwd, absolute).replace(/\\/g, '/'), text } : undefined;
  } catch {
    return undefined;
  }
}

/** The templates directly in a folder (not below it); `known` holds texts already read, by absolute path. */
export function templatesIn(folder: string, cwd: string, known?: ReadonlyMap<string, string>): { absolute: string; template: TemplateSource }[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => TEMPLATE_FILE.test(n)).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const absolute = join(folder, name);
    const template = readTemplate(absolute, cwd, known);
    return template ? [{ absolute, template }] : [];
  });
}

/** The local definition files a template names, as absolute paths. */
export function linkedDefinitionFiles(template: TemplateSource, cwd: string): string[] {
  return definitionUris(template).map((rel) => resolve(cwd, rel)).filter((p) => existsSync(p) && statSync(p).isFile());
}

/**
 * Templates that may be a definition file's context: the targets that are templates, then the
 * templates in the file's folder and the folders above it, as far as the lint's roots reach.
 */
export class TemplateFinder {
  private readonly byFolder = new Map<string, TemplateSource[]>();

  /** `known`: the texts the lint has read already (its targets), by absolute path, so a folder's files are not read twice. */
  constructor(private readonly cwd: string, private readonly roots: readonly string[], private readonly targetTemplates: readonly TemplateSource[], private readonly known?: ReadonlyMap<string, string>) {}

  forDefinition(absolute: string): TemplateSource[] {
    const out = [...this.targetTemplates];
    let folder = dirname(absolute);
    for (let depth = 0; depth < 8; depth++) {
      if (!this.byFolder.has(folder)) this.byFolder.set(folder, templatesIn(folder, this.cwd, this.known).map((t) => t.template));
      for (const t of this.byFolder.get(folder)!) if (!out.some((o) => o.fileName === t.fileName)) out.push(t);
      const parent = dirname(folder);
      if (parent === folder || !isContained(this.roots, parent)) break;
      folder = parent;
    }
    return out;
  }
}
