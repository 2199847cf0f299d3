using System.CommandLine;
using System.Reflection;

namespace BkTui.Cli;

internal static class VersionCommand
{
    public static Command Create()
    {
        var cmd = new Command("about", "Print the version and runtime.");
        cmd.SetAction(_ =>
        {
            var v = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
            Console.WriteLine($"bktui {v} on .NET {Environment.Version} ({System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier})");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
