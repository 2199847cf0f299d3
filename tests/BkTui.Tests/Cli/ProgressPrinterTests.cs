using BkTui.Cli;
using BkTui.Core.Flashing;

namespace BkTui.Tests.Cli;

/// <summary>The CLI's rewritten progress line ends once its phase is complete, so the final message starts on its own line.</summary>
public class ProgressPrinterTests
{
    [Fact]
    public void ACompletedPhaseEndsItsLineOnATerminal()
    {
        var output = new StringWriter();
        var printer = new ProgressPrinter(output, terminal: true);
        printer.Progress(new FlashProgress(FlashPhase.Read, 0, 4096, 0, 0));
        printer.Progress(new FlashProgress(FlashPhase.Read, 4096, 4096, 1000, 0));
        Assert.EndsWith(Environment.NewLine, output.ToString());
        printer.Progress(new FlashProgress(FlashPhase.Read, 4096, 4096, 1000, 0)); // a repeated final report draws nothing more
        printer.Finish();
        var text = output.ToString();
        Assert.EndsWith(Environment.NewLine, text);
        Assert.Single(text.Split(Environment.NewLine), l => l.Contains("4 KB / 4 KB"));
    }
}
