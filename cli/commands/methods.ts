import { z } from 'zod';
import { methodNames, methods } from '../../common/index.js';
import { parseCommand } from '../args.js';
import { json } from '../output.js';
import type { Command } from './command.js';

/** Every contract method with the JSON Schema of the input it accepts (defaults may be left out). */
function methodSchemas(): Record<string, { input: unknown }> {
  return Object.fromEntries(methodNames.map((name) => [name, { input: z.toJSONSchema(methods[name].input, { io: 'input' }) }]));
}

export const methodsCommand: Command = {
  name: 'methods',
  usage: 'methods                       every contract method with its input\'s JSON Schema, as JSON',
  async run({ line, io }) {
    parseCommand(line, {}, 0);
    io.out(json(methodSchemas()));
    return 0;
  },
};
