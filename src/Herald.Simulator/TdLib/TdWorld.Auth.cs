using System.Text.Json.Nodes;

namespace Herald.Simulator.TdLib;

// Login steps, sessions (a token kept in the client's database directory) and the account's standing.
public sealed partial class TdWorld
{
    /// <summary>The option a session token is announced with (what TDLib would write into its binlog).</summary>
    public const string SessionOption = "x_sim_session";

    private JsonObject HandleAuth(TdSimClient client, string method, JsonObject request)
    {
        switch (method)
        {
            case "getAuthorizationState":
                return new JsonObject { ["@type"] = client.AuthorizationState };
            case "close" or "logOut":
                if (client.SessionToken is { } token)
                {
                    _openSessions.Remove(token);
                    if (method == "logOut")
                    {
                        _sessions.Remove(token);
                    }
                }

                client.Closed = true;
                client.EmitState("authorizationStateClosing");
                client.EmitState("authorizationStateClosed");
                return Ok();
            case "setTdlibParameters" when client.AuthorizationState == "authorizationStateWaitTdlibParameters":
                return Parameters(client, request);
            case "setAuthenticationPhoneNumber" when client.AuthorizationState == "authorizationStateWaitPhoneNumber":
                var phone = request["phone_number"]?.GetValue<string>();
                client.Account = _scenario.Accounts.FirstOrDefault(a => a.Phone == phone);
                if (client.Account is null)
                {
                    return Error(400, "PHONE_NUMBER_INVALID");
                }

                client.EmitState("authorizationStateWaitCode");
                return Ok();
            case "checkAuthenticationCode" when client.AuthorizationState == "authorizationStateWaitCode":
                if (request["code"]?.GetValue<string>() != client.Account!.Code)
                {
                    return Error(400, "PHONE_CODE_INVALID");
                }

                if (client.Account.Password is not null)
                {
                    client.EmitState("authorizationStateWaitPassword");
                    return Ok();
                }

                return LoggedIn(client, NewSession(client.Account));
            case "checkAuthenticationPassword" when client.AuthorizationState == "authorizationStateWaitPassword":
                return request["password"]?.GetValue<string>() == client.Account!.Password
                    ? LoggedIn(client, NewSession(client.Account))
                    : Error(400, "PASSWORD_HASH_INVALID");
            default:
                return Error(400, $"Unexpected {method} in {client.AuthorizationState}");
        }
    }

    private JsonObject Parameters(TdSimClient client, JsonObject request)
    {
        if (request["api_id"] is null || string.IsNullOrEmpty(request["api_hash"]?.GetValue<string>()))
        {
            return Error(400, "Valid api_id and api_hash must be provided");
        }

        if (request[SessionOption]?.GetValue<string>() is { Length: > 0 } token && _sessions.TryGetValue(token, out var userId)
            && _scenario.Accounts.FirstOrDefault(a => a.UserId == userId) is { } account)
        {
            client.Account = account;
            _sessionOpens[userId] = _sessionOpens.GetValueOrDefault(userId) + 1;
            if (_openSessions.TryGetValue(token, out var other) && other != client.Id && IsAlive(other))
            {
                // Two instances on one session: Telegram drops the key (both are logged out).
                _sessions.Remove(token);
                _openSessions.Remove(token);
                if (FindClient(other) is { } first)
                {
                    first.SessionToken = null;
                }

                client.SessionToken = null;
                client.EmitState("authorizationStateWaitPhoneNumber");
                return Ok();
            }

            return LoggedIn(client, token);
        }

        client.EmitState("authorizationStateWaitPhoneNumber");
        return Ok();
    }

    private string NewSession(TdSimAccount account)
    {
        var token = Guid.NewGuid().ToString("N");
        _sessions[token] = account.UserId;
        return token;
    }

    private JsonObject LoggedIn(TdSimClient client, string token)
    {
        client.SessionToken = token;
        _openSessions[token] = client.Id;
        client.Emit(new JsonObject
        {
            ["@type"] = "updateOption",
            ["name"] = SessionOption,
            ["value"] = new JsonObject { ["@type"] = "optionValueString", ["value"] = token },
        });
        client.EmitState("authorizationStateReady");
        return Ok();
    }

    // A logged-in client whose account Telegram no longer accepts.
    private JsonObject? AccountProblem(TdSimClient client)
    {
        if (client.SessionToken is null)
        {
            return Error(406, "AUTH_KEY_DUPLICATED");
        }

        return client.Account!.Status switch
        {
            "deactivated" => Error(401, "USER_DEACTIVATED"),
            "revoked" => Error(401, "SESSION_REVOKED"),
            "unregistered" => Error(401, "AUTH_KEY_UNREGISTERED"),
            _ => null,
        };
    }
}
