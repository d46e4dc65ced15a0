import JSONRPC

// Hand-written JSON for the diagnostics messages, which can carry thousands of diagnostics; each
// writes what its Codable form encodes (tested against JSONEncoder in CodingTests).

extension Position: JSONWritable {
  public func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.key("line")
    writer.value(line)
    writer.key("character")
    writer.value(character)
    writer.endObject()
  }
}

extension LSPRange: JSONWritable {
  public func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.key("start")
    start.write(to: &writer)
    writer.key("end")
    end.write(to: &writer)
    writer.endObject()
  }
}

extension Diagnostic: JSONWritable {
  public func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.key("range")
    range.write(to: &writer)
    if let severity {
      writer.key("severity")
      writer.value(severity.rawValue)
    }
    if let code {
      writer.key("code")
      writer.value(code)
    }
    if let codeDescription {
      writer.key("codeDescription")
      writer.beginObject()
      writer.key("href")
      writer.value(codeDescription.href)
      writer.endObject()
    }
    if let source {
      writer.key("source")
      writer.value(source)
    }
    writer.key("message")
    writer.value(message)
    if let tags {
      writer.key("tags")
      writer.beginArray()
      for tag in tags { writer.value(tag.rawValue) }
      writer.endArray()
    }
    if let relatedInformation {
      writer.key("relatedInformation")
      writer.beginArray()
      for information in relatedInformation {
        writer.beginObject()
        writer.key("location")
        writer.beginObject()
        writer.key("uri")
        writer.value(information.location.uri)
        writer.key("range")
        information.location.range.write(to: &writer)
        writer.endObject()
        writer.key("message")
        writer.value(information.message)
        writer.endObject()
      }
      writer.endArray()
    }
    if let data {
      writer.key("data")
      data.write(to: &writer)
    }
    writer.endObject()
  }
}

extension PublishDiagnosticsNotification: JSONWritable {
  public func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.key("uri")
    writer.value(uri)
    if let version {
      writer.key("version")
      writer.value(version)
    }
    writer.key("diagnostics")
    writer.beginArray()
    for diagnostic in diagnostics { diagnostic.write(to: &writer) }
    writer.endArray()
    writer.endObject()
  }
}

extension DocumentDiagnosticReport: JSONWritable {
  public func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.key("kind")
    writer.value(kind)
    if let resultId {
      writer.key("resultId")
      writer.value(resultId)
    }
    if let items {
      writer.key("items")
      writer.beginArray()
      for item in items { item.write(to: &writer) }
      writer.endArray()
    }
    writer.endObject()
  }
}
