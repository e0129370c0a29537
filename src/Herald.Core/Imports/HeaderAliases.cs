using System.Text;

namespace Herald.Core.Imports;

/// <summary>Known column headers in English and Russian, matched case-insensitively after folding spaces, dashes and dots into <c>_</c>.</summary>
internal static class HeaderAliases
{
    private static readonly Dictionary<string, RecipientColumnRole> Roles = Build(
        (RecipientColumnRole.Username,
        [
            "username", "user_name", "user", "login", "@", "nick", "nickname", "handle", "tg_username", "telegram_username",
            "логин", "ник", "никнейм", "юзернейм", "юзер", "пользователь", "имя_пользователя",
        ]),
        (RecipientColumnRole.UserId,
        [
            "user_id", "userid", "id", "telegram_id", "tg_id", "chat_id", "uid",
            "айди", "ид", "id_пользователя", "telegram_айди",
        ]),
        (RecipientColumnRole.Phone,
        [
            "phone", "phone_number", "phonenumber", "tel", "telephone", "mobile", "mobile_phone", "cell", "cellphone", "msisdn", "whatsapp",
            "телефон", "тел", "номер", "номер_телефона", "мобильный", "мобильный_телефон", "моб", "сотовый",
        ]),
        (RecipientColumnRole.Name,
        [
            "name", "first_name", "firstname", "full_name", "fullname", "display_name",
            "имя", "фио", "полное_имя", "имя_фамилия",
        ]),
        (RecipientColumnRole.Email,
        [
            "email", "e_mail", "mail", "email_address", "e_mail_address", "mail_address",
            "почта", "эл_почта", "электронная_почта", "емейл", "имейл", "емайл", "мейл",
        ]),
        (RecipientColumnRole.Identifier,
        [
            "contact", "telegram", "tg", "recipient",
            "контакт", "телеграм", "телеграмм", "получатель",
        ]));

    /// <summary>The role a header names, or null for a custom column. Plurals (<c>phones</c>, <c>контакты</c>) count too.</summary>
    public static RecipientColumnRole? RoleOf(string? header)
    {
        var key = Normalize(header);
        if (key.Length == 0)
        {
            return null;
        }

        if (Roles.TryGetValue(key, out var role))
        {
            return role;
        }

        // Plurals: English -s, Russian -ы/-и ("контакты", "телефоны", "ники").
        return key.Length > 2 && key[^1] is 's' or 'ы' or 'и' && Roles.TryGetValue(key[..^1], out role) ? role : null;
    }

    /// <summary>Lower case, <c>ё</c> as <c>е</c>, spaces, dashes and dots as one <c>_</c>, no surrounding <c>_</c>.</summary>
    public static string Normalize(string? header)
    {
        var value = RecipientValues.Clean(header);
        if (value is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder(value.Length);
        foreach (var raw in value)
        {
            var c = char.ToLowerInvariant(raw) == 'ё' ? 'е' : char.ToLowerInvariant(raw);
            if (c is ' ' or '-' or '.' or '_')
            {
                if (sb.Length > 0 && sb[^1] != '_')
                {
                    sb.Append('_');
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim('_');
    }

    private static Dictionary<string, RecipientColumnRole> Build(params (RecipientColumnRole Role, string[] Names)[] groups)
    {
        var map = new Dictionary<string, RecipientColumnRole>(StringComparer.Ordinal);
        foreach (var (role, names) in groups)
        {
            foreach (var name in names)
            {
                map.Add(name, role);
            }
        }

        return map;
    }
}
