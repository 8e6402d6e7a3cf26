"""The entry points over HTTP: the JSON and web-page channels (:mod:`bot.channels.http`) and
the Official Account callback (:mod:`bot.channels.wechat_callback`). Routers only; they
reach the services through :mod:`bot.deps`."""
