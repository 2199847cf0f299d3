using System.Text.Json;
using BkTui.Cli;
using BkTui.Core.Chips;
using BkTui.Simulator;

namespace BkTui.Tests.Flashing;

/// <summary>The flash verbs in-process over a real pty to the virtual chip.</summary>
public class FlashCliTests
{
    private static (int Code, string Stdout) Run(params string[] args)
    {
        var saved = Console.Out;
        var capture = new StringWriter();
        Console.SetOut(capture);
        try { return (CliApp.RunAsync(args).Result, capture.ToString()); }
        finally { Console.SetOut(saved); }
    }

    [Fact]
    public void InfoJsonHasTheContractKeys()
    {
        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231M);
        var (code, stdout) = Run("info", "--port", sim.PtyPath, "--json");
        Assert.Equal(ExitCodes.Ok, code);
        var doc = JsonDocument.Parse(stdout).RootElement;
        foreach (var key in new[] { "chip", "chipId", "bootloader", "flashId", "flashSize", "efuseKey", "keyVerdict", "mac", "advice" })
            Assert.True(doc.TryGetProperty(key, out _), key);
        Assert.Equal("BK7231M", doc.GetProperty("chip").GetString());
        Assert.Equal(new string('0', 32), doc.GetProperty("efuseKey").GetString());
        Assert.Equal("zero", doc.GetProperty("keyVerdict").GetString());
        Assert.NotEmpty(doc.GetProperty("advice").EnumerateArray());
    }

    [Fact]
    public void ATuyaKeyImageIsRefusedOnAZeroKeyChip()
    {
        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231M);
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, ImageSynthesizer.Create(ChipFamily.BK7231N, seed: 5));
            Assert.Equal(ExitCodes.Refused, Run("write", "--port", sim.PtyPath, "--in", file).Code);
            Assert.Equal(0, sim.Chip.Flash.Erases + sim.Chip.Flash.Programs);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void WriteIntoTheBootloaderIsRefusedBeforeThePortIsOpened()
    {
        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231N);
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, new byte[0x1000]);
            Assert.Equal(ExitCodes.Refused, Run("write", "--port", sim.PtyPath, "--in", file, "--start", "0x8000").Code);
            Assert.Equal(0, sim.Chip.Resets - 1); // only the power-on reset: nobody opened the port
            Assert.Equal(0, sim.Chip.Flash.Erases + sim.Chip.Flash.Programs);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void WriteThenVerifyThroughTheVerbs()
    {
        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231T);
        var file = Path.GetTempFileName();
        try
        {
            // An app image (whole CRC-16 blocks, Tuya key) from another synthesized device; a Tuya app names
            // no platform, so its family needs the user's word.
            var app = ImageSynthesizer.Create(ChipFamily.BK7231T, seed: 4).AsSpan(0x11000, 634 * 34).ToArray();
            File.WriteAllBytes(file, app);
            Assert.Equal(ExitCodes.Refused, Run("write", "--port", sim.PtyPath, "--in", file).Code);
            Assert.Equal(ExitCodes.Ok, Run("write", "--port", sim.PtyPath, "--in", file, "--allow-unknown-family").Code);
            Assert.Equal(app, sim.Chip.Flash.Read(0x11000, app.Length));
            Assert.Equal(ExitCodes.Ok, Run("verify", "--port", sim.PtyPath, "--in", file, "--start", "0x11000").Code);
            Assert.Equal(ExitCodes.VerifyFailed, Run("verify", "--port", sim.PtyPath, "--in", file, "--start", "0x12000").Code);
            Assert.Equal(ExitCodes.Usage, Run("verify", "--port", sim.PtyPath, "--in", file, "--start", "zz").Code);
        }
        finally { File.Delete(file); }
    }
}
