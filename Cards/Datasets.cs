namespace TalkBot.Cards;

/// <summary>
/// The typeahead datasets of the person fields (<c>Data.Query</c>), shared with the Bot's search: Teams sends the name
/// back in an <c>application/search</c> invoke, and the bot answers with the people the caller may choose in that field
/// (Domain's PersonScopes). A dataset about one talk carries the talk's id after <see cref="ContextSeparator"/>.
/// </summary>
public static class Datasets
{
    public const char ContextSeparator = '/';

    /// <summary>The talkees of a new talk.</summary>
    public const string Talkees = "people.talkee";

    /// <summary>The talkers of a new talk.</summary>
    public const string Talkers = "people.talker";

    /// <summary>The recorder of a new talk.</summary>
    public const string Recorders = "people.recorder";

    /// <summary>The leading and joint talkers of a talk's record; followed by "/{talkId}".</summary>
    public const string RecordTalkers = "people.recordTalker";

    /// <summary>The recorder of a talk's record; followed by "/{talkId}".</summary>
    public const string RecordRecorders = "people.recordRecorder";

    /// <summary>The cadre a lead is about.</summary>
    public const string LeadSubjects = "people.leadSubject";

    /// <summary>The cadre an admonishment proposal is about.</summary>
    public const string CaseSubjects = "people.caseSubject";

    /// <summary>The person whose integrity archive is opened.</summary>
    public const string ArchiveSubjects = "people.archiveSubject";

    /// <summary>The person whose roles an administrator edits.</summary>
    public const string RoleHolders = "people.roleHolder";

    /// <summary>Those a plan talk's talker may invite to talk jointly; followed by "/{tier}.{talkeeId}".</summary>
    public const string JointTalkers = "people.jointTalker";

    /// <summary>A dataset about one matter (a talk): its name and the matter's id.</summary>
    public static string About(string dataset, string id) => dataset + ContextSeparator + id;
}
