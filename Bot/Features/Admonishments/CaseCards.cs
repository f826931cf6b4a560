using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Features.Tasks;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Audit;

namespace TalkBot.Bot.Features.Admonishments;

/// <summary>
/// What the admonishment actions share: finding the case, and the case as each viewer may see it (Domain's
/// <see cref="AdmonishmentAccess"/>: its office and the organisation department, the approvers for the rank, the talkers
/// of its talks; the person it is about is refused — they get the notice, the record and their tasks). Every view and
/// refusal is audited.
/// </summary>
public sealed class CaseCards(CaseStore cases, TalkStore talks, TalkLines talkLines, TaskStore tasks, TaskCards taskCards, PeopleDirectory directory, AuditLog audit,
    WorkingCalendar calendar)
{
    public WorkingCalendar Calendar => calendar;

    public async Task<StoredCase?> FindAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        CaseId.TryParse(request?.Text(DataKeys.CaseId), out var id) ? await cases.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;

    public async Task<ViewContext> ContextAsync(CancellationToken cancellationToken) =>
        (await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).Context(calendar);

    /// <summary>The case for <paramref name="viewer"/>, with what they may do next; or a refusal, audited.</summary>
    public async Task<AdaptiveCard> CardForAsync(Person viewer, AdmonishmentCase c, Locale locale, CancellationToken cancellationToken, string? notice = null,
        IReadOnlyList<string>? errors = null, IReadOnlyDictionary<string, string?>? values = null)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(c);
        var talkers = new List<PersonId>();
        foreach (var id in c.Talks)
        {
            talkers.AddRange((await talks.GetAsync(id, cancellationToken).ConfigureAwait(false))?.Talkers ?? []);
        }

        if (!AdmonishmentAccess.CanView(viewer, c, talkers))
        {
            return await audit.RefuseAsync(viewer, locale, AuditObject.Admonishment, c.Id.Value, c.Subject, "查看这项诫勉谈话", "view this admonishment", cancellationToken)
                .ConfigureAwait(false);
        }

        await audit.WriteAsync(viewer, AuditAction.View, AuditObject.Admonishment, c.Id.Value, c.Subject, cancellationToken).ConfigureAwait(false);
        var context = await ContextAsync(cancellationToken).ConfigureAwait(false);
        var mode = AdmonishmentViews.ModeOf(AdmonishmentAccess.StepFor(viewer, c));
        return CaseCard.Build(AdmonishmentViews.Case(c, context, mode, notice) with
        {
            Talks = await talkLines.ForAsync(c.Talks, context, cancellationToken).ConfigureAwait(false),
            Tasks = [.. (await tasks.ListAsync(c.Id.Value, cancellationToken).ConfigureAwait(false)).Select(t => taskCards.Line(t, context))],
            Errors = errors,
            Values = values,
        }, locale);
    }

    public static AdaptiveCard NotFound(Locale locale) => ErrorCard.NotFound(locale, "诫勉谈话", "Admonishment");

    public static AdaptiveCard Busy(Locale locale) => ErrorCard.Busy(locale, "该诫勉谈话", "The admonishment");
}
