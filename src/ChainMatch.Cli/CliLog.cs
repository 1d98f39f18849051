using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Display;

namespace ChainMatch.Cli;

/// <summary>The CLI's log through Serilog: warnings and errors (the Neo4j adapter's retries and breaker) as "warning: ..." lines on stderr.</summary>
static class CliLog
{
    public static Microsoft.Extensions.Logging.ILogger For<T>(TextWriter error)
    {
        // Routine information (an import's row count) stays quiet: the command prints its own summary on stdout.
        var serilog = new LoggerConfiguration().MinimumLevel.Warning().WriteTo.Sink(new Lines(error)).CreateLogger();
        return new SerilogLoggerFactory(serilog, dispose: true).CreateLogger(typeof(T).FullName!);
    }

    /// <summary>One line per event on the command's own error writer (tests pass theirs; Serilog's console sink writes to the process's).</summary>
    sealed class Lines(TextWriter error) : ILogEventSink
    {
        static readonly MessageTemplateTextFormatter Format = new("{Level:w}: {Message:l}{NewLine}");

        public void Emit(LogEvent logEvent)
        {
            lock (error) Format.Format(logEvent, error);
        }
    }
}
