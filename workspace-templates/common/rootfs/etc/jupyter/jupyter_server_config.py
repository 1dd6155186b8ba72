# JupyterLab inside the workspace: reachable from this pod only, opened in the local Firefox.
c = get_config()  # noqa: F821 (defined by Jupyter when it loads this file)

c.ServerApp.ip = "127.0.0.1"
c.ServerApp.port = 8888
c.ServerApp.port_retries = 0
c.ServerApp.allow_remote_access = False
c.ServerApp.allow_root = False
# Jupyter opens a redirect file readable by the researcher only, which carries the random token to the browser.
c.ServerApp.open_browser = True
c.ServerApp.use_redirect_file = True
c.ServerApp.browser = "firefox-esr %s"
c.ServerApp.root_dir = "/home/researcher"
# Extensions would come from the internet: the extension manager only lists what the image holds.
c.LabApp.extension_manager = "readonly"
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
