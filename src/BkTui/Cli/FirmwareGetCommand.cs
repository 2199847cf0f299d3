using System.CommandLine;
using BkTui.Core.Chips;
using BkTui.Core.Firmware;

namespace BkTui.Cli;

/// <summary><c>bktui firmware get --chip FAMILY</c>: choose, download, check and cache the build; print where it is.</summary>
internal static class FirmwareGetCommand
{
    public static Command Create()
    {
        var chip = new Option<string>("--chip") { Description = "Chip family: BK7231T, BK7231N, BK7231M (BL2028N), BK7231U, BK7238, BK7252.", Required = true };
        var version = new Option<string?>("--version") { Description = "latest (default) or a release tag." };
        var source = FirmwareCommand.SourceOption();
        var archive = FirmwareCommand.ArchiveOption();
        var json = FirmwareCommand.JsonOption();
        var cmd = new Command("get", "Download (or take from the cache) the OpenBeken build for a chip family; prints path, sha256 and provenance.");
        foreach (var o in new Option[] { chip, version, source, archive, json }) cmd.Options.Add(o);
        cmd.SetAction(async (pr, ct) =>
        {
            var asJson = pr.GetValue(json);
            if (!ChipProfiles.TryFind(pr.GetValue(chip) ?? "", out var profile))
            {
                return CliFailure.Say("firmware get", ExitCodes.Usage,
                    $"unknown chip '{pr.GetValue(chip)}'. Known: {string.Join(", ", ChipProfiles.All.Select(p => p.Family))} (BL2028N = BK7231M).");
            }
            try
            {
                using var cache = FirmwareCache.Open(FirmwareCommand.ArchiveRoot(pr.GetValue(archive)));
                using var catalog = new FirmwareCatalog(pr.GetValue(source));
                var progress = asJson || Console.IsErrorRedirected ? null : new Progress<DownloadProgress>(ShowProgress);
                var result = await catalog.GetAsync(profile.Family, pr.GetValue(version), cache, progress, ct);
                if (progress is not null) Console.Error.WriteLine();
                if (asJson) CliJson.Write(new GetJson(true, result.FromCache, result.Note, result.Build));
                else Print(result);
                return ExitCodes.Ok;
            }
            catch (FirmwareException e)
            {
                return FirmwareCommand.Fail(e, "firmware get");
            }
        });
        return cmd;
    }

    private static void ShowProgress(DownloadProgress p)
    {
        var total = p.Total is { } t ? $" / {FirmwareCommand.Size(t)}" : "";
        Console.Error.Write($"\rdownloading {FirmwareCommand.Size(p.Done)}{total}  {FirmwareCommand.Size((long)p.BytesPerSecond)}/s   ");
    }

    private static void Print(FirmwareGetResult r)
    {
        var b = r.Build;
        if (r.Note is not null) Console.Error.WriteLine($"firmware: {r.Note}");
        Console.WriteLine($"path        {b.Path}");
        Console.WriteLine($"sha256      {b.Sha256}");
        Console.WriteLine($"family      {b.Family} ({b.Key} key, {(b.Kind == "qio" ? "QIO image: bootloader + app, the app part goes to 0x11000" : "app image for 0x11000")})");
        Console.WriteLine($"release     {b.Tag}{(b.PublishedAt is { } d ? $" (published {d:yyyy-MM-dd})" : "")}");
        Console.WriteLine($"asset       {b.AssetName} ({b.Size} bytes)");
        Console.WriteLine($"source      {b.SourceUrl}");
        Console.WriteLine($"downloaded  {b.DownloadedAt:yyyy-MM-dd HH:mm:ss} UTC{(r.FromCache ? " (from the cache)" : "")}");
    }

    internal sealed record GetJson(bool Ok, bool FromCache, string? Note, CachedFirmware Build);
}
