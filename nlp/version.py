"""The vnreport version, in a leaf module so that anything may import it without the package face."""

__version__ = "0.1.0"
