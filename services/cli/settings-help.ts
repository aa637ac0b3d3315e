import type { Command } from 'commander';
import { SETTINGS, settingsFor, type Setting, type SettingReader } from '../config/settings.js';

const WIDTH = 80;
const INDENT = '      ';

/**
 * The "Settings (environment variables):" section of a command's help,
 * rendered from the settings schema (services/config/settings.ts): per
 * setting its name, its default (or `required`), `secret` when its value is
 * never shown, and its description on the lines below.
 */
export function settingsHelp(settings: readonly Setting[], note?: string): string {
  const lines = ['', 'Settings (environment variables):'];
  for (const s of settings) {
    const tags = [s.default === 'required' ? 'required' : `default: ${s.default}`, ...(s.secret ? ['secret'] : [])];
    lines.push(`  ${s.name}  ${tags.join(', ')}`, ...wrap(s.description, INDENT));
  }
  if (note) lines.push('', ...wrap(note, ''));
  return `${lines.join('\n')}\n`;
}

/** The settings section of `pushgate serve` or `pushgate worker`: every setting the schema gives that process. */
export function processSettingsHelp(reader: SettingReader): string {
  return settingsHelp(
    settingsFor(reader),
    'serve and worker parse the same settings once at start-up and report every problem at once (CONFIG_INVALID); an unknown PUSHGATE_* variable draws a warning. Secret values are never printed or logged.',
  );
}

/** These settings by name (a name the schema does not have is a programming error). */
export function pickSettings(names: readonly string[]): Setting[] {
  return names.map((name) => {
    const s = SETTINGS.find((x) => x.name === name);
    if (!s) throw new Error(`no setting ${name} in services/config/settings.ts`);
    return s;
  });
}

/** Appends the settings section to the help of `command` and of each of its subcommands. */
export function addSettingsHelp(command: Command, text: string): Command {
  for (const c of [command, ...command.commands]) c.addHelpText('after', text);
  return command;
}

function wrap(text: string, indent: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > WIDTH) {
      out.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(indent + line);
  return out;
}
