namespace TalkBot.Bot.Features.Directory;

/// <summary>同步组织 / sync: an administrator reads the directory now and sees what came of it.</summary>
public sealed partial class SyncDirectory(DirectorySync sync, ILogger<SyncDirectory> logger) : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["同步组织", "sync"];

    public async Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var l = request.Locale;
        if (!request.Actor.Active || !request.Actor.Has(Role.Administrator))
        {
            return RefusalCard.Build(l, l.Pick("同步组织架构", "synchronise the directory"));
        }

        try
        {
            var status = await sync.SyncAsync(cancellationToken).ConfigureAwait(false);
            return ReminderCard.Build(new ReminderView(
                l.Pick("组织架构已同步", "Directory synchronised"),
                [l.Pick($"来源：{status.Source}；{status.People} 人，{status.Units} 个单位；用时 {status.Took.TotalSeconds:F1} 秒。",
                    $"Source: {status.Source}; {status.People} people, {status.Units} units; took {status.Took.TotalSeconds:F1} s."),
                 l.Pick("离开目录的人员保留历史记录，但不再安排新的谈话。", "People who left the directory are kept for history but get no new talks.")]), l);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSyncFailed(logger, e);
            return ErrorCard.Build(l.Pick("组织架构同步失败", "Directory sync failed"),
                [l.Pick("目录暂时无法读取，已保留上次同步的组织架构，请稍后再试。", "The directory could not be read; the last synchronised organisation is kept. Please try again later.")], l);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Directory sync on request failed")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
