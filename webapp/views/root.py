"""`/`: go to the first screen of the sidebar."""
from flask import Blueprint, redirect, url_for

from webapp.navigation import first_screen

bp = Blueprint("root", __name__)


@bp.get("/")
def index():
    """Redirect to the first screen."""
    screen = first_screen()
    return redirect(url_for(screen.endpoint, **screen.args))
