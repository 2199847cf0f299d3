using System.CommandLine;
using BkTui.Core.Flashing;

namespace BkTui.Cli;

/// <summary><c>bktui info --port P [--baud B] [--json]</c>: identify the chip, its flash, eFuse key and MAC.</summary>
internal static class InfoCommand
{
    /// <summary>JSON shape; key names are part of the CLI contract.</summary>
    internal sealed record InfoJson(string Chip, string? ChipId, string Bootloader, string? FlashId, string? FlashPart, uint FlashSize,
        string? EfuseKey, string? KeyVerdict, string? Mac, IReadOnlyList<string> Advice, int Baud);

    public static Command Create()
    {
        var flash = new FlashVerb();
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var cmd = new Command("info", "Identify the chip: family, bootloader, flash ID and size, eFuse key verdict, MAC, advice.");
        flash.AddTo(cmd);
        cmd.Options.Add(json);
        cmd.SetAction((pr, ct) => Task.FromResult(flash.Run(pr, "info", (session, _, _) =>
        {
            var i = session.Info;
            var doc = new InfoJson(i.Family.ToString(), i.ChipId is { } c ? $"0x{c:X}" : null, i.Bootloader,
                i.FlashId is { } f ? $"0x{f:X6}" : null, i.FlashPart, i.FlashSize, i.EfuseKey?.Hex, i.KeyVerdict, i.Mac, i.Advice, i.Baud);
            if (pr.GetValue(json)) CliJson.Write(doc);
            else Console.Out.Write(Text(doc));
            return ExitCodes.Ok;
        }, ct)));
        return cmd;
    }

    internal static string Text(InfoJson i)
    {
        var lines = new List<string>
        {
            $"chip        {i.Chip}{(i.ChipId is null ? "" : $" (chip ID {i.ChipId})")}",
            $"bootloader  {i.Bootloader}",
            "flash       " + string.Join(' ', new[] { i.FlashId ?? "-", i.FlashPart, $"{i.FlashSize / 1024} KiB" }.Where(x => !string.IsNullOrEmpty(x))),
            $"eFuse key   {(i.EfuseKey is null ? "not readable on this bootloader" : $"{i.EfuseKey} ({i.KeyVerdict})")}",
            $"MAC         {i.Mac ?? "none (no RF calibration)"}",
            $"baud        {i.Baud}",
        };
        lines.AddRange(i.Advice.Select(a => $"advice      {a}"));
        return string.Join('\n', lines) + "\n";
    }
}
