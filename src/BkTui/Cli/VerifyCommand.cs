using System.CommandLine;

namespace BkTui.Cli;

/// <summary><c>bktui verify --port P --in FILE --start A</c>: one chip CRC against the file; exit 0 only on a match.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var flash = new FlashVerb();
        var input = new Option<string>("--in", "-i") { Description = "File whose bytes should be in flash.", Required = true };
        var start = new Option<string>("--start") { Description = "Flash address of the file's first byte (0x hex accepted).", Required = true };
        var cmd = new Command("verify", "Check by CRC that the flash holds a file's bytes at an address.");
        flash.AddTo(cmd);
        cmd.Options.Add(input);
        cmd.Options.Add(start);
        cmd.SetAction((pr, ct) =>
        {
            byte[] file = [];
            uint from = 0;
            return Task.FromResult(flash.Run(pr, "verify", (session, _, cancel) =>
            {
                if (session.Verify(from, file, cancel))
                {
                    Console.Error.WriteLine($"match: {file.Length} bytes at 0x{from:X}");
                    return ExitCodes.Ok;
                }
                Console.Error.WriteLine($"MISMATCH: the flash at 0x{from:X} does not hold this file's {file.Length} bytes");
                return ExitCodes.VerifyFailed;
            }, ct, precheck: () =>
            {
                from = FlashVerb.ParseNumber(pr.GetValue(start), "--start")!.Value;
                file = FlashVerb.ReadInput(pr.GetValue(input)!);
            }));
        });
        return cmd;
    }
}
