/**
 * The jixiao command line. Each command lives in src/cli/commands/ and is registered below;
 * this module owns argument errors (one Chinese line, exit 1), help in Chinese, and the exit status.
 */
import { Command, CommanderError, Help } from 'commander';
import { CliContext, EXIT_FAILURE, EXIT_OK, UsageError, nodeIO, type CliIO } from './context';
import { CLI_NAME } from './hints';
import { registerScore } from './commands/score';
import { registerReport } from './commands/report';
import { registerTemplate } from './commands/template';

const VERSION: string = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();

/** A command module: adds its subcommand to the program. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** Every command, in the order `jixiao --help` lists them. Add report/template here. */
const COMMANDS: RegisterCommand[] = [registerScore, registerReport, registerTemplate];

const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法 (Usage):',
  'Arguments:': '参数 (Arguments):',
  'Options:': '选项 (Options):',
  'Commands:': '命令 (Commands):',
  'Global Options:': '全局选项 (Global Options):',
};

class ChineseHelp extends Help {
  override styleTitle(str: string): string {
    return HELP_TITLES[str] ?? str;
  }
}

/** Applies the shared settings to a command (subcommands created via .command() inherit them). */
function configure(cmd: Command, io: CliIO): Command {
  cmd.createHelp = () => Object.assign(new ChineseHelp(), cmd.configureHelp());
  return cmd.exitOverride().configureOutput({
    writeOut: (s) => io.out(s),
    writeErr: (s) => io.err(s),
    // Commander's own English error lines are replaced by ours in run().
    outputError: () => undefined,
  });
}

export function buildProgram(ctx: CliContext): Command {
  const program = configure(new Command('jixiao'), ctx.io);
  program
    .description('绩效自评助手：检测、校验、评分项目支出绩效自评表（.xlsx），并可写回评分结果')
    .version(VERSION, '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .showSuggestionAfterError(false)
    .addHelpText(
      'after',
      '\n示例 (Examples):\n  npx jixiao score examples/xincheng-12345-2023.xlsx\n  npx jixiao score 自评表.xlsx --json\n  npx jixiao score 自评表.xlsx --out 自评表-已评分.xlsx\n  npx jixiao report 自评表.xlsx --docx 绩效自评报告.docx\n  npx jixiao template 空白自评表.xlsx\n',
    );
  for (const register of COMMANDS) register(program, ctx);
  // Subcommands build their own Help objects; give them the Chinese titles (and our output) too.
  for (const sub of program.commands) configure(sub, ctx.io);
  return program;
}

/** Turns a commander error into one Chinese line. */
function describeCommanderError(err: CommanderError, argv: string[]): string {
  const cmd = argv.find((a) => !a.startsWith('-'));
  const helpHint = cmd ? `运行 ${CLI_NAME} ${cmd} --help 查看用法` : `运行 ${CLI_NAME} --help 查看用法`;
  const quoted = /'([^']*)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'commander.unknownOption':
      return `未知选项 ${quoted}（unknown option），${helpHint}`;
    case 'commander.unknownCommand':
      return `未知命令 ${quoted}（unknown command），运行 ${CLI_NAME} --help 查看可用命令`;
    case 'commander.missingArgument':
      return cmd === 'score'
        ? `请指定至少一个 .xlsx 文件（missing FILE），例如 ${CLI_NAME} score 自评表.xlsx`
        : `缺少参数 ${quoted}（missing argument），${helpHint}`;
    case 'commander.optionMissingArgument':
      return `选项 ${quoted} 缺少取值（option needs a value），${helpHint}`;
    case 'commander.missingMandatoryOptionValue':
      return `缺少必需的选项 ${quoted}（required option），${helpHint}`;
    case 'commander.excessArguments':
      return `参数过多（too many arguments），${helpHint}`;
    case 'commander.conflictingOption':
      return `选项冲突（conflicting options），${helpHint}`;
    case 'commander.invalidArgument':
      return `参数取值无效（invalid argument）：${err.message.replace(/^error:\s*/, '')}，${helpHint}`;
    default:
      return `命令行参数有误（${err.message.replace(/^error:\s*/, '')}），${helpHint}`;
  }
}

/**
 * Runs the CLI on argv (without "node" and the script path) and returns the exit status.
 * Never throws and never prints a stack trace.
 */
export async function run(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const ctx = new CliContext(io);
  try {
    const program = buildProgram(ctx);
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_OK;
    }
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        return err.exitCode === 0 ? EXIT_OK : EXIT_FAILURE;
      }
      ctx.errorLine(describeCommanderError(err, argv));
      return EXIT_FAILURE;
    }
    if (err instanceof UsageError) {
      ctx.errorLine(err.message);
      return EXIT_FAILURE;
    }
    const msg = err instanceof Error ? err.message : String(err);
    ctx.errorLine(`jixiao 内部错误（internal error）：${msg.split(/\r?\n/)[0]}`);
    return EXIT_FAILURE;
  }
}

/** Entry point for bin/jixiao.js: sets the exit status without cutting stdout short. */
export function main(): void {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT_FAILURE;
    },
  );
}
