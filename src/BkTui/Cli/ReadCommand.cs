using System.CommandLine;
using BkTui.Core.Archive;

namespace BkTui.Cli;

/// <summary><c>bktui read --port P --out FILE [--start A] [--length N]</c>: verified backup; the file appears only complete.</summary>
internal static class ReadCommand
{
    public static Command Create()
    {
        var flash = new FlashVerb();
        var archiving = new DumpsReadArchiving();
        var output = new Option<string>("--out", "-o") { Description = "Output file (written atomically after the whole-range CRC matched).", Required = true };
        var start = new Option<string?>("--start") { Description = "First address (default 0; 0x hex accepted)." };
        var length = new Option<string?>("--length") { Description = "Bytes to read (default: to the end of the flash)." };
        var cmd = new Command("read", "Back up flash to a file (whole flash by default), every sector CRC-verified.");
        flash.AddTo(cmd);
        cmd.Options.Add(output);
        cmd.Options.Add(start);
        cmd.Options.Add(length);
        archiving.AddTo(cmd);
        cmd.SetAction((pr, ct) =>
        {
            uint from = 0;
            uint? count = null;
            var path = pr.GetValue(output)!;
            return Task.FromResult(flash.Run(pr, "read", (session, log, cancel) =>
            {
                if (from >= session.Info.FlashSize)
                    throw new UsageException($"--start 0x{from:X} is past the end of the {session.Info.FlashSize / 1024} KiB flash.");
                var n = count ?? session.Info.FlashSize - from;
                var data = session.Read(from, n, null, cancel);
                DurableFile.WriteAtomic(path, data);
                log.Info($"wrote {path} ({data.Length} bytes)");
                Console.Error.WriteLine($"saved {path}: {data.Length} bytes from 0x{from:X}, verified");
                return archiving.Save(pr, pr.GetValue(flash.Port)!, session.Info, data, from, log, pr.GetValue(flash.Baud));
            }, ct, precheck: () =>
            {
                from = FlashVerb.ParseNumber(pr.GetValue(start), "--start") ?? 0;
                count = FlashVerb.ParseNumber(pr.GetValue(length), "--length");
                if (count == 0) throw new UsageException("--length must be more than 0.");
                var dir = Path.GetDirectoryName(Path.GetFullPath(path));
                if (!Directory.Exists(dir)) throw new BadInputException($"{dir}: the output folder does not exist.");
            }));
        });
        return cmd;
    }
}
