from setuptools import find_packages, setup

# The package says six<1.16, but requirements.txt pins six==1.17.0: `pip check` catches it.
setup(
    name="conflictpkg",
    version="0.1.0",
    packages=find_packages(exclude=["tests"]),
    install_requires=["six<1.16"],
)
