using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Domain.Audit;
using TalkBot.Domain.Records;

namespace TalkBot.Bot.Features.Records;

/// <summary>查看记录: the record, for those allowed to see it (SPEC §6); a talkee sees their own part. Every view is audited, and so is a refusal.</summary>
public sealed class ShowRecord(RecordTalks found, RecordStore records, AuditLog audit, WorkingCalendar calendar) : ICardAction
{
    public string Verb => Verbs.RecordShow;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        if (await found.FindAsync(request, cancellationToken).ConfigureAwait(false) is not var (talk, people))
        {
            return RecordTalks.TalkNotFound(locale);
        }

        var stored = await records.GetAsync(talk, cancellationToken).ConfigureAwait(false);
        var organiser = people.Find(talk.Organiser);
        var subject = talk.Talkees.Count == 1 ? talk.Talkees[0] : (PersonId?)null;
        if (!RecordAccess.CanView(actor, talk, organiser, stored?.Record))
        {
            return await audit.RefuseAsync(actor, locale, AuditObject.Record, talk.Id.Value, subject, "查看这次谈话的记录", "view this talk's record", cancellationToken)
                .ConfigureAwait(false);
        }

        if (stored is null)
        {
            return RecordTalks.NoRecord(locale);
        }

        await audit.WriteAsync(actor, AuditAction.View, AuditObject.Record, talk.Id.Value, subject, cancellationToken).ConfigureAwait(false);
        var record = stored.Record;
        return RecordCard.Build(RecordPresenter.Record(talk, record, record.Current, actor.Id, people.Context(calendar),
            RecordPresenter.ModeFor(talk, record, actor, organiser)), locale);
    }
}
