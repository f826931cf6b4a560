using TalkBot.Bot.Features.Talks;
using TalkBot.Cards.Records;

namespace TalkBot.Bot.Features.Records;

/// <summary>
/// The people of a record form: the talkers and the recorder it may name (Domain's PersonScopes.RecordTalkers and
/// RecordRecorders for whoever logs the talk), as short lists on the form and as the typeahead of its fields.
/// </summary>
public static class RecordPeople
{
    /// <summary>The form's lists, with whoever <paramref name="values"/> names already.</summary>
    public static RecordChoices Choices(PeopleLookup people, Talk talk, Person actor, IReadOnlyDictionary<string, string?> values, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(values);
        var organiser = people.Find(talk.Organiser);
        return new(
            people.ShortList(PersonScopes.RecordTalkers(actor, talk, organiser), actor, locale,
                [values.GetValueOrDefault(RecordFields.Lead), values.GetValueOrDefault(RecordFields.Joint)]),
            [.. talk.Talkers.Select(t => people.Find(t) is { } talker ? people.Choice(talker, locale) : new PersonChoice(t, people.Name(t)))],
            people.ShortList(PersonScopes.RecordRecorders(actor, talk, organiser), actor, locale, [values.GetValueOrDefault(RecordFields.Recorder)]));
    }

    /// <summary>
    /// Null when every person a record names may be named there by <paramref name="actor"/>; otherwise why not (the
    /// delegator is Domain's RecordRules', among the talk's own talkers).
    /// </summary>
    public static DomainRuleException? Check(PeopleLookup people, Talk talk, Person actor, Domain.Records.RecordContent content)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(content);
        var organiser = people.Find(talk.Organiser);
        var talkers = PersonScopes.RecordTalkers(actor, talk, organiser);
        var recorders = PersonScopes.RecordRecorders(actor, talk, organiser);
        var problems = content.JointTalkers.Select(id => (PersonId?)id).Prepend(content.LeadTalker).OfType<PersonId>().Distinct()
            .Select(id => talkers.Check(id, people.Find(id)))
            .Append(content.Recorder is { } recorder ? recorders.Check(recorder, people.Find(recorder)) : null)
            .OfType<RuleViolation>()
            .ToList();
        return problems.Count > 0 ? new DomainRuleException(problems) : null;
    }
}

/// <summary>
/// The typeahead of a record form's talkers or recorder: the dataset names the talk (Datasets.About), and whoever may
/// not log that talk, or names no talk, finds nobody.
/// </summary>
public sealed class RecordPeopleSearch(string name, Func<Person, Talk, Person?, PersonScope> scope, TalkStore talks, PeopleDirectory directory) : ISearchDataset
{
    public string Name => name;

    public async Task<IReadOnlyList<SearchResult>> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TalkId.TryParse(request.Context, out var id) || await talks.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return [];
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return people.Results(scope(request.Actor, talk, people.Find(talk.Organiser)), request);
    }
}
