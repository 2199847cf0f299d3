using System.CommandLine;
using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Formats;

namespace BkTui.Cli;

/// <summary><c>bktui image convert IN --to-key zero|tuya|HEX --out OUT</c>: re-key a firmware image.</summary>
internal static class ImageCommand
{
    public static Command Create()
    {
        var image = new Command("image", "Work on firmware image files.");
        image.Subcommands.Add(Convert());
        return image;
    }

    private static Command Convert()
    {
        var input = new Argument<string>("IN") { Description = "Firmware image (UA app, QIO, full dump or bootloader)." };
        var toKey = new Option<string>("--to-key") { Description = "Target key: zero, tuya or 32 hex digits.", Required = true };
        var fromKey = new Option<string?>("--from-key") { Description = "Source key when it is neither Tuya nor zero (32 hex digits)." };
        var output = new Option<string>("--out") { Description = "Output file (written atomically).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace OUT if it exists." };
        var cmd = new Command("convert", "Convert a code image to another encryption key (e.g. a Tuya-key OpenBeken build for a zero-key BK7231M). Verifies the round trip before writing.");
        cmd.Arguments.Add(input);
        cmd.Options.Add(toKey);
        cmd.Options.Add(fromKey);
        cmd.Options.Add(output);
        cmd.Options.Add(force);
        cmd.SetAction(pr =>
        {
            var inPath = pr.GetValue(input)!;
            var outPath = pr.GetValue(output)!;
            if (!EfuseKey.TryParse(pr.GetValue(toKey), out var to))
                return Error($"--to-key '{pr.GetValue(toKey)}' is not a key: use zero, tuya or 32 hex digits.", ExitCodes.Usage);
            EfuseKey? from = null;
            if (pr.GetValue(fromKey) is { } fk)
            {
                if (!EfuseKey.TryParse(fk, out var f)) return Error($"--from-key '{fk}' is not a key: use zero, tuya or 32 hex digits.", ExitCodes.Usage);
                from = f;
            }
            if (Path.GetFullPath(outPath) == Path.GetFullPath(inPath))
                return Error("--out must differ from the input: the original is kept.", ExitCodes.Usage);
            if (File.Exists(outPath) && !pr.GetValue(force))
                return Error($"{outPath} exists; pass --force to replace it.", ExitCodes.Refused);
            if (!InputFile.TryRead("image convert", inPath, out var data, out var code)) return code;
            ImageConversion result;
            try
            {
                result = ImageKeyConverter.Convert(data, to, from, inPath);
            }
            catch (ImageConversionException e)
            {
                return Error($"{inPath}: {e.Message}", e.VerifyFailed ? ExitCodes.VerifyFailed : ExitCodes.BadInput);
            }
            try
            {
                DurableFile.WriteAtomic(outPath, result.Output);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Error($"{outPath}: cannot write ({e.Message}).", ExitCodes.Failed);
            }
            var info = result.Input;
            Console.Out.WriteLine($"{Path.GetFileName(inPath)}: {info.Kind}, key {result.FromKey} -> {result.ToKey}{(result.Unchanged ? " (same key: copied unchanged)" : "")}");
            Console.Out.WriteLine($"round trip verified; wrote {result.Output.Length} bytes to {outPath}");
            if (info.TargetOffset is { } t)
                Console.Out.WriteLine($"flash it at 0x{t:X} (file bytes from 0x{info.SourceOffset:X}{(info.ContainsBootloader ? "; the bootloader part is skipped unless you allow it" : "")})");
            foreach (var w in info.Warnings) Console.Out.WriteLine("note: " + w);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static int Error(string message, int code)
    {
        Console.Error.WriteLine("bktui image convert: " + message);
        return code;
    }
}
