namespace TalkBot.Bot.Features.Directory;

/// <summary>组织架构 / org (and org.show): the caller's manager, unit (and why it sits where it does), roles and rank.</summary>
public sealed class ShowOrg(PeopleDirectory directory, PeopleStore store, UnitViews units, WorkingCalendar calendar) : ICommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["组织架构", "org"];

    public string Verb => Verbs.OrgShow;

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) => ShowAsync(request!.Actor, request.Locale, cancellationToken);

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => ShowAsync(request!.Actor, request.Locale, cancellationToken);

    private async Task<AdaptiveCard> ShowAsync(Person actor, Cards.Localization.Locale locale, CancellationToken cancellationToken)
    {
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var manager = actor.ManagerId is { } m ? people.Find(m) : null;
        var unit = people.UnitName(actor.UnitId);
        // Why the unit sits where it does (derived from the directory, or corrected): 000 §二's tiers follow from it.
        var why = actor.UnitId is { } id ? await units.WhyAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var view = new OrgView(actor.DisplayName, actor.JobTitle, unit, manager?.DisplayName, [.. actor.Roles.Order()], actor.Rank, UnitWhy: why);
        // The last successful sync is for administrators.
        if (actor.Has(Role.Administrator) && await store.LastStatusAsync(cancellationToken).ConfigureAwait(false) is { } last)
        {
            view = view with { LastSync = calendar.ToLocal(last.At), PeopleCount = last.People };
        }

        return PlanCards.Org(view, locale);
    }
}
