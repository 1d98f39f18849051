using ChainMatch.Cli;

return await ChainMatchCli.RunAsync(args, Console.Out, Console.Error);
