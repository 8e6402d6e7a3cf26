"""Finding 1: the login lockout holds under a concurrent burst, across names, behind proxies."""

from __future__ import annotations

import threading
import time

import httpx

from tests.security.conftest import ADMIN, EDITOR, PASSWORD, csrf_of, login, make_client


def _login_form(base: str, headers: dict | None = None) -> tuple[httpx.Client, str]:
    """A browser that opened the login page: its cookies and the form's CSRF token."""
    client = httpx.Client(base_url=base, follow_redirects=False, timeout=120)
    return client, csrf_of(client.get("/admin/login", headers=headers or {}).text)


def test_a_burst_of_wrong_passwords_does_not_let_the_right_one_in(served):
    """100 simultaneous logins for one account, 99 wrong and 1 right (a real server process)."""
    browsers = [_login_form(served.url) for _ in range(100)]
    statuses: dict[int, int] = {}
    start = threading.Barrier(100)

    def attempt(index: int) -> None:
        client, token = browsers[index]
        password = PASSWORD if index == 0 else f"wrong-{index}"
        start.wait()
        if index == 0:
            time.sleep(0.1)  # the right one arrives amid the burst, not first
        response = client.post(
            "/admin/login", data={"name": ADMIN, "password": password, "csrf_token": token}
        )
        statuses[index] = response.status_code

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(100)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for client, _ in browsers:
        client.close()
    assert statuses[0] == 429, "the right password got through the lockout"
    wrong = [statuses[i] for i in range(1, 100)]
    assert wrong.count(401) <= 5, f"{wrong.count(401)} wrong passwords were checked"
    assert set(wrong) <= {401, 429}


def test_a_forged_forwarded_for_from_loopback_is_not_trusted(served):
    """Each attempt claims another address; all come from the same socket address."""
    statuses = []
    for n in range(6):
        client, token = _login_form(served.url)
        headers = {"X-Forwarded-For": f"203.0.113.{n + 1}"}
        response = client.post(
            "/admin/login",
            data={"name": EDITOR, "password": "wrong-password", "csrf_token": token},
            headers=headers,
        )
        statuses.append(response.status_code)
        client.close()
    assert statuses == [401] * 5 + [429]


def test_guessing_across_many_names_from_one_address_is_limited(instance):
    client = make_client()
    statuses = [login(client, f"guess{n}", "wrong-password").status_code for n in range(21)]
    assert statuses[:20] == [401] * 20
    assert statuses[20] == 429 and "分钟后再试" in login(client, "guess99", "x").text


def test_a_trusted_proxy_passes_on_the_client_address(instance):
    """With ONETRIP_TRUSTED_PROXIES naming the proxy, its X-Forwarded-For is the address
    that is limited: one locked-out client does not lock out the whole centre."""
    from tests.security.conftest import start_server

    server = start_server(instance, {"ONETRIP_TRUSTED_PROXIES": "127.0.0.1"})
    try:
        for _ in range(5):
            client, token = _login_form(server.url)
            client.post(
                "/admin/login",
                data={"name": EDITOR, "password": "wrong", "csrf_token": token},
                headers={"X-Forwarded-For": "203.0.113.9"},
            )
            client.close()
        client, _ = _login_form(server.url)
        blocked = login(client, EDITOR, headers={"X-Forwarded-For": "203.0.113.9"})
        assert blocked.status_code == 429
        client.close()
        client = httpx.Client(base_url=server.url, follow_redirects=False, timeout=60)
        other = login(client, EDITOR, headers={"X-Forwarded-For": "203.0.113.10"})
        assert other.status_code == 303
        client.close()
    finally:
        server.stop()
