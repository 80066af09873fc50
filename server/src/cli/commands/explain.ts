// `demarc explain <resource-type>`: the shared-responsibility card for a Terraform or CloudFormation type.
import type { CliIO, CommandRunner } from '../io';
import { oneOf, parseCommandArgs, UsageError, type OptionSpec } from '../args';
import { colorWanted } from '../color';
import { explainResource, getResourceResponsibility, renderResourceText, suggestTypeNames } from '../../engine/responsibility';

export const HELP = `Usage: demarc explain <resource-type> [--format text|json]

Shows which security duties AWS carries for a resource type and which are yours, layer by layer, with the
attributes that carry your part and the rules that check them. Takes a Terraform name (aws_s3_bucket)
or a CloudFormation name (AWS::S3::Bucket); both give the same card.

Options:
  --format text|json   output format (default text)
  --no-color           no colors (also when NO_COLOR is set or output is not a terminal)
  --help               this text

Exit codes: 0 card printed, 2 unknown type or usage error.
`;

const SPEC: OptionSpec = {
  format: { type: 'string', short: 'f' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const run: CommandRunner = async (args: string[], io: CliIO) => {
  try {
    const { values: v, positionals } = parseCommandArgs('explain', args, SPEC);
    if (v.help) {
      io.stdout(HELP);
      return 0;
    }
    const format = oneOf(v.format as string | undefined, ['text', 'json'] as const, '--format') ?? 'text';
    if (positionals.length !== 1) throw new UsageError('give exactly one resource type, e.g. demarc explain aws_s3_bucket (see: demarc help explain)');
    const type = positionals[0]!;
    const entry = getResourceResponsibility(type);
    if (!entry) {
      const close = suggestTypeNames(type);
      io.stderr(`demarc explain: unknown resource type "${type}"${close.length ? `; closest: ${close.join(', ')}` : ''}\n`);
      return 2;
    }
    // The card is keyed by the knowledge-base entry, so both names of one type print the same card.
    const explanation = explainResource({ type: entry.terraform }, []);
    if (format === 'json') {
      io.stdout(JSON.stringify({ query: type, ...explanation, entry }, null, 2) + '\n');
    } else {
      io.stdout(renderResourceText(explanation, { color: colorWanted(io.isTTY, io.env, Boolean(v['no-color'])) }));
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`demarc explain: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
};
