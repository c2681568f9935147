"""A course-style project: setup.py with find_packages(), pinned requirements.txt."""

from setuptools import find_packages, setup

setup(
    name="mlcourse",
    version="0.1.0",
    packages=find_packages(exclude=["tests", "tests.*"]),
    install_requires=["six>=1.16", "packaging>=24"],
    python_requires=">=3.10",
)
