using BkTui.Core.Formats.Obk;

namespace BkTui.Core.Jobs;

/// <summary>
/// Write Wi-Fi: SSID and password (optionally MQTT host and device name) into the family's OpenBeken
/// config sector, so the device joins without AP mode (the seeds' "configure your WiFi in the flasher").
/// </summary>
internal static class WifiSteps
{
    public static readonly IReadOnlyList<JobStep> All =
    [
        new("pre-flight", ctx =>
        {
            var (offset, sector) = Build(ctx);
            ctx.Log($"OBK config for SSID '{ctx.Request.Ssid}', password ******** (masked), MQTT {ctx.Request.MqttHost ?? "none"}");
            return $"{sector.Length} bytes for 0x{offset:X6}";
        }),
        CommonSteps.FactoryDumpFirst,
        new("write", ctx =>
        {
            var (offset, sector) = Build(ctx);
            ctx.WriteWithSafePoints(offset, sector, allowBootloader: false);
            return $"config sector at 0x{offset:X6}";
        }),
        new("verify", ctx =>
        {
            var (offset, sector) = Build(ctx);
            ctx.VerifyRange(offset, sector);
            return "whole-range CRC matches";
        }),
    ];

    /// <summary>The sector is built once per job (the device name part is random when not given).</summary>
    private static (uint Offset, byte[] Sector) Build(JobContext ctx)
    {
        if (ctx.Items.TryGetValue("wifi", out var built)) return ((uint, byte[]))built;
        var family = ctx.Info.Family;
        var offset = ObkConfig.OffsetFor(family) ?? throw new JobRefusedException($"{family} has no OpenBeken config sector; nothing was written.");
        var password = ReadPassword(ctx.Request.PasswordFile!);
        byte[] sector;
        try { sector = ObkConfigWriter.Build(family, ctx.Request.Ssid!, password, ctx.Request.MqttHost, ctx.Request.DeviceName); }
        catch (ArgumentException e) { throw new JobInputException(e.Message); }
        ctx.Items["wifi"] = (offset, sector);
        return (offset, sector);
    }

    /// <summary>The first line of the file, without its line ending (the password itself is never logged).</summary>
    private static string ReadPassword(string path)
    {
        if (!File.Exists(path)) throw new JobInputException($"{path}: no such password file.");
        if (new FileInfo(path).Length > 4096) throw new JobInputException($"{path} is larger than 4 KiB: not a password file.");
        using var reader = new StreamReader(path);
        return reader.ReadLine() ?? throw new JobInputException($"{path} is empty: put the Wi-Fi password on its first line.");
    }
}
