Attribute VB_Name = "KhExcelRibbon"
' Ribbon callbacks of the kh_excel add-in (tab "Ke hoach").
'
' Every button of customUI14.xml calls OnRibbonAction; the button's tag names the
' Python action to run (a key of kh_excel.addin.ACTIONS). Python does the work and
' shows its own Vietnamese messages; this module only hands the tag over.
'
' VBA source is stored in the project's ANSI code page, so Vietnamese text is built
' with ChrW() and shown with MessageBoxW (MsgBox cannot show Vietnamese letters).
' This file must stay ASCII: the build refuses anything else.
Option Explicit

#If Mac Then
#ElseIf VBA7 Then
    Private Declare PtrSafe Function MessageBoxW Lib "user32" (ByVal hWnd As LongPtr, ByVal lpText As LongPtr, ByVal lpCaption As LongPtr, ByVal uType As Long) As Long
#Else
    Private Declare Function MessageBoxW Lib "user32" (ByVal hWnd As Long, ByVal lpText As Long, ByVal lpCaption As Long, ByVal uType As Long) As Long
#End If

Private Const MB_ICONWARNING As Long = &H30

Public Sub OnRibbonAction(control As IRibbonControl)
    Dim tag As String
    tag = control.Tag
    If Not IsSafeTag(tag) Then Exit Sub
    If ActiveWorkbook Is Nothing Then
        ' "Hay mo so tinh co bang chi tieu roi bam lai nut tren the Ke hoach."
        ShowWarning "H" & ChrW(227) & "y m" & ChrW(7903) & " s" & ChrW(7893) & " t" & ChrW(237) & "nh c" & ChrW(243) & " b" & ChrW(7843) & "ng ch" & ChrW(7881) & " ti" & ChrW(234) & "u r" & ChrW(7891) & "i b" & ChrW(7845) & "m l" & ChrW(7841) & "i n" & ChrW(250) & "t tr" & ChrW(234) & "n th" & ChrW(7867) & " K" & ChrW(7871) & " ho" & ChrW(7841) & "ch."
        Exit Sub
    End If
    ' "Ke hoach: dang xu ly..." until Python writes its own status.
    Application.StatusBar = "K" & ChrW(7871) & " ho" & ChrW(7841) & "ch: " & ChrW(273) & "ang x" & ChrW(7917) & " l" & ChrW(253) & ChrW(8230)
    RunPython "import kh_excel; kh_excel.ribbon_action('" & tag & "')"
End Sub

Private Function IsSafeTag(ByVal tag As String) As Boolean
    ' Tags are lower-case identifiers; anything else never reaches the command line.
    Dim i As Long, c As String
    IsSafeTag = Len(tag) > 0
    For i = 1 To Len(tag)
        c = Mid$(tag, i, 1)
        If Not (c Like "[a-z]" Or c Like "[0-9]" Or c = "_") Then
            IsSafeTag = False
            Exit Function
        End If
    Next i
End Function

Private Sub ShowWarning(ByVal text As String)
    Dim title As String
    title = "K" & ChrW(7871) & " ho" & ChrW(7841) & "ch"
    #If Mac Then
        MsgBox text, vbExclamation, title
    #Else
        MessageBoxW Application.Hwnd, StrPtr(text), StrPtr(title), MB_ICONWARNING
    #End If
End Sub
