namespace TalkBot.Bot.Infrastructure.Hosting;

/// <summary>
/// A loop of this instance: one pass, then a wait of the poll interval. A failed pass is logged and tried again at
/// the next poll; stopping ends the wait at once, and so does a <see cref="Wakeup"/> poke (work was queued).
/// </summary>
internal abstract partial class PollingService(TimeSpan interval, ILogger logger, Wakeup? wakeup = null) : BackgroundService
{
    protected abstract Task RunPassAsync(CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(logger, GetType().Name, e);
            }

            try
            {
                if (wakeup is null)
                {
                    await Task.Delay(interval, stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    await wakeup.WaitAsync(interval, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Service} pass failed; retrying at the next poll")]
    private static partial void LogPassFailed(ILogger logger, string service, Exception exception);
}
