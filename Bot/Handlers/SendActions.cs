using TalkBot.Bot.Sending;
using TalkBot.Bot.Storage;
using TalkBot.Bot.Talks;
using TalkBot.Cards;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;

namespace TalkBot.Bot.Handlers;

/// <summary>
/// The discipline office's view of sends that failed after every retry, and "resend to failed" in one action.
/// Only the discipline office (and administrators) see it: the list names people and what they were sent.
/// </summary>
public sealed class FailedSends(OutboxStore outbox, PeopleRepository peopleRepository, WorkingCalendar calendar, TimeProvider time)
{
    public static bool MayUse(Person actor) => actor.Active && (actor.Has(Role.DisciplineOffice) || actor.Has(Role.Administrator));

    public async Task<AdaptiveCard> ListAsync(Person actor, Locale locale, CancellationToken cancellationToken)
    {
        if (!MayUse(actor))
        {
            return RefusalCard.Build(locale, locale.Pick("查看发送失败的消息", "see failed sends"));
        }

        var people = await PeopleLookup.LoadAsync(peopleRepository, cancellationToken).ConfigureAwait(false);
        var failed = await outbox.ListFailedAsync(cancellationToken).ConfigureAwait(false);
        return SendCards.FailedList([.. failed.Select(f => new FailedSendView(people.Name(f.Person), f.AboutZh, f.AboutEn, f.At, f.HttpStatus))], calendar.TimeZone, locale);
    }

    /// <summary>Queues every failed send again; a second click finds none left and says so.</summary>
    public async Task<AdaptiveCard> ResendAsync(Person actor, Locale locale, CancellationToken cancellationToken)
    {
        if (!MayUse(actor))
        {
            return RefusalCard.Build(locale, locale.Pick("重发消息", "resend messages"));
        }

        var count = await outbox.RequeueFailedAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return SendCards.Requeued(count, locale);
    }
}

public sealed class FailedSendsCommand(FailedSends sends) : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["发送失败", "failed"];

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        sends.ListAsync(request.Actor, request.Locale, cancellationToken);
}

public sealed class FailedSendsAction(FailedSends sends) : ICardAction
{
    public string Verb => Verbs.SendFailed;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        sends.ListAsync(request.Actor, request.Locale, cancellationToken);
}

public sealed class ResendFailedAction(FailedSends sends) : ICardAction
{
    public string Verb => Verbs.SendResend;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        sends.ResendAsync(request.Actor, request.Locale, cancellationToken);
}
