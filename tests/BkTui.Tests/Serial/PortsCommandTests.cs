using System.Diagnostics;
using System.Text.Json;
using BkTui.Core.Serial;

namespace BkTui.Tests.Serial;

/// <summary>The built <c>bktui</c> run as a separate process, so its /proc view of holders is a real one.</summary>
public class PortsCommandTests
{
    private static readonly string[] JsonKeys = ["path", "byId", "driver", "vid", "pid", "serial", "product", "busy", "holderPid"];

    [Fact]
    public void Json_has_exactly_the_contract_keys_and_names_a_real_holder()
    {
        using var fs = new FakeSysfs();
        var ch340 = fs.UsbDevice("1-1", "1a86", "7523", "USB Serial", serial: null);
        fs.UsbSerialTty(ch340, 0, "ttyUSB0", "ch341-uart", "ch341");
        var ftdi = fs.UsbDevice("1-2", "0403", "6001", "FT232R USB UART", "A50285BI");
        fs.UsbSerialTty(ftdi, 0, "ttyUSB1", "ftdi_sio", "ftdi_sio");
        fs.ById("usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0", "ttyUSB1");

        // Hold ttyUSB1 the way SerialPort does (flock); the child process must see us in /proc/locks.
        int fd = Native.Open(Path.Combine(fs.Dev, "ttyUSB1"), Native.O_RDWR | Native.O_CLOEXEC, 0);
        Assert.True(fd >= 0);
        try
        {
            Assert.Equal(0, Native.Flock(fd, Native.LOCK_EX | Native.LOCK_NB));
            var (exit, stdout) = RunBktui("ports", "--json", "--sys-root", fs.Sys, "--dev-root", fs.Dev);
            Assert.Equal(0, exit);

            using var doc = JsonDocument.Parse(stdout);
            var ports = doc.RootElement.EnumerateArray().ToList();
            Assert.Equal(2, ports.Count);
            foreach (var port in ports)
                Assert.Equal(JsonKeys, port.EnumerateObject().Select(p => p.Name));

            var free = ports[0];
            Assert.Equal(Path.Combine(fs.Dev, "ttyUSB0"), free.GetProperty("path").GetString());
            Assert.Equal(JsonValueKind.Null, free.GetProperty("byId").ValueKind);
            Assert.Equal(JsonValueKind.Null, free.GetProperty("serial").ValueKind);
            Assert.Equal("1a86", free.GetProperty("vid").GetString());
            Assert.False(free.GetProperty("busy").GetBoolean());

            var held = ports[1];
            Assert.Equal("ftdi_sio", held.GetProperty("driver").GetString());
            Assert.Equal("6001", held.GetProperty("pid").GetString());
            Assert.Equal("A50285BI", held.GetProperty("serial").GetString());
            Assert.EndsWith("usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0", held.GetProperty("byId").GetString());
            Assert.True(held.GetProperty("busy").GetBoolean());
            Assert.Equal(Environment.ProcessId, held.GetProperty("holderPid").GetInt32());
        }
        finally { Native.Close(fd); }
    }

    [Fact]
    public void Table_shows_each_port_with_its_state()
    {
        var ports = new[]
        {
            new PortInfo("/dev/ttyUSB0", "/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0", "ch341-uart", "1a86", "7523", null, "USB Serial", false, null),
            new PortInfo("/dev/ttyUSB1", null, "ftdi_sio", "0403", "6001", "A50285BI", "FT232R USB UART", true, 4242, "minicom"),
        };
        var lines = BkTui.Cli.PortsCommand.Table(ports).TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("PORT", lines[0]);
        Assert.Contains("usb-1a86_USB_Serial-if00-port0", lines[1]);
        Assert.Contains("1a86:7523", lines[1]);
        Assert.EndsWith("free", lines[1]);
        Assert.EndsWith("busy (pid 4242 minicom)", lines[2]);
        // Columns line up: VID:PID starts at the same offset on every row.
        Assert.Equal(lines[0].IndexOf("VID:PID"), lines[1].IndexOf("1a86:7523"));
        Assert.Equal(lines[0].IndexOf("VID:PID"), lines[2].IndexOf("0403:6001"));
    }

    private static (int Exit, string Stdout) RunBktui(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "bktui.dll");
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "bktui did not exit");
        Assert.True(stderr.Result.Length == 0, stderr.Result);
        return (process.ExitCode, stdout);
    }
}
