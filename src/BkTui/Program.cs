using BkTui.Cli;

return await CliApp.RunAsync(args);
