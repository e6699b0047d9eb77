import DojoCLI

DojoCommand.mainWithExitCodes()
