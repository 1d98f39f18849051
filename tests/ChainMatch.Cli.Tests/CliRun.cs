namespace ChainMatch.Cli.Tests;

/// <summary>One CLI invocation in-process: exit code, stdout, stderr.</summary>
sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ChainMatchCli.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
