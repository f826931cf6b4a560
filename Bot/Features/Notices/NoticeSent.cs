using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Notices;

/// <summary>
/// Told what became of a notice's send: the notice records that it was delivered (and where its card is, so that it
/// can be updated), or why it could not be — a talkee TalkBot cannot reach is recorded so, never silently skipped
/// (000 §四(一)3) — and the organiser's card shows it. Told again after a crash, it changes nothing the second time.
/// </summary>
public sealed partial class NoticeSent(TalkStore talks, Messenger messenger, FollowUps followUps, TimeProvider time, ILogger<NoticeSent> logger) : ISendOutcomeHandler
{
    public const string HandlerName = "Notices.Sent";

    public string Name => HandlerName;

    public async Task HandleAsync(SendReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (!TalkId.TryParse(receipt.Subject, out var id))
        {
            return;
        }

        var talk = await Optimistic.RetryAsync<Talk?>(async () =>
        {
            var rows = await talks.ReadForTalkeeAsync(id, receipt.Person, cancellationToken).ConfigureAwait(false);
            if (rows is not { Talk.Talk: { } talk, Notice: { } stored })
            {
                return (Talk?)null;
            }

            if (!Record(stored.Notice, receipt.Outcome, talk.Id))
            {
                return talk;
            }

            // When the save loses a race (the talkee answered while the card was on its way), read again: their answer stands.
            var changed = new NoticeChanged(talk.Id, stored.Notice.Talkee, stored.Notice.Status.ToString());
            if (!await followUps.SaveAsync(changed, changed.Key,
                    () => talks.SaveNoticeAsync(stored, receipt.ConversationId, receipt.Outcome.ActivityId, null, cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                return Optimistic.Again;
            }

            await talks.IndexNoticeAsync(talk, stored.Notice, cancellationToken).ConfigureAwait(false);
            return talk;
        }, () => throw new InvalidOperationException($"The notice of talk {id.Value} to {receipt.Person.Value} kept changing while its send was recorded.")).ConfigureAwait(false);

        if (talk is not null)
        {
            await messenger.RefreshAsync(talk.Organiser, TalkCard.Of(talk.Id), cancellationToken).ConfigureAwait(false);
        }
    }

    private bool Record(Notice notice, SendOutcome outcome, TalkId talk)
    {
        switch (outcome.Status)
        {
            case SendStatus.Sent:
                return notice.MarkSent(time.GetUtcNow());
            case SendStatus.Unreachable:
                // PROTOCOL §9: never opened TalkBot; or 403 (blocked, uninstalled) and 404 (conversation gone): not "retry".
                return notice.MarkUnreachable(outcome.Error == Messenger.NotInstalled ? UnreachableReasons.NotInstalled : UnreachableReasons.Blocked);
            case SendStatus.Failed:
                LogSendFailed(logger, talk.Value, outcome.HttpStatus ?? 0, outcome.Error ?? "");
                return notice.MarkUnreachable(UnreachableReasons.SendFailed);
            default:
                return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice for talk {TalkId} not delivered: HTTP {Status} {Code}")]
    private static partial void LogSendFailed(ILogger logger, string talkId, int status, string code);
}
