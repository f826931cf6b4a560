namespace TalkBot.Bot.Features.Sends;

/// <summary>
/// 发送失败 / failed (and send.failed): the sends that failed after every retry. Only the discipline office and
/// administrators see it (<see cref="Permissions.MaySeeFailedSends"/>): the list names people and what they were sent.
/// </summary>
public sealed class FailedSends(OutboxStore outbox, PeopleDirectory directory, WorkingCalendar calendar) : ICommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["发送失败", "failed"];

    public string Verb => Verbs.SendFailed;

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) => ListAsync(request!.Actor, request.Locale, cancellationToken);

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => ListAsync(request!.Actor, request.Locale, cancellationToken);

    private async Task<AdaptiveCard> ListAsync(Person actor, Locale locale, CancellationToken cancellationToken)
    {
        if (!Permissions.MaySeeFailedSends(actor))
        {
            return RefusalCard.Build(locale, locale.Pick("查看发送失败的消息", "see failed sends"));
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var failed = await outbox.ListFailedAsync(cancellationToken).ConfigureAwait(false);
        return SendCards.FailedList([.. failed.Select(f => new FailedSendView(people.Name(f.Person), f.AboutZh, f.AboutEn, f.At, f.HttpStatus))], calendar.TimeZone, locale);
    }
}

/// <summary>全部重发 (send.resend): every failed send is queued again; a second click finds none left and says so.</summary>
public sealed class ResendFailed(OutboxStore outbox, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.SendResend;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var locale = request.Locale;
        if (!Permissions.MaySeeFailedSends(request.Actor))
        {
            return RefusalCard.Build(locale, locale.Pick("重发消息", "resend messages"));
        }

        return SendCards.Requeued(await outbox.RequeueFailedAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false), locale);
    }
}
