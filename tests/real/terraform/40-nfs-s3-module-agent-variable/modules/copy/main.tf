variable "team" {
  type = string
}

variable "fileserver_ip" {
  type = string
}

variable "export_path" {
  type    = string
  default = "/srv/export"
}

variable "agent_arn" {
  type = string
}

variable "bucket_arn" {
  type = string
}

resource "aws_iam_role" "copier" {
  name = "${var.team}-copier"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
    }]
  })
}

resource "aws_datasync_location_s3" "target" {
  s3_bucket_arn = var.bucket_arn
  subdirectory  = "/imported"

  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_datasync_location_nfs" "fileserver" {
  server_hostname = var.fileserver_ip
  subdirectory    = var.export_path

  on_prem_config {
    agent_arns = [var.agent_arn]
  }
}

resource "aws_datasync_task" "copy" {
  name                     = "${var.team}-copy"
  source_location_arn      = aws_datasync_location_nfs.fileserver.arn
  destination_location_arn = aws_datasync_location_s3.target.arn

  options {
    verify_mode = "ONLY_FILES_TRANSFERRED"
    mtime       = "PRESERVE"
    atime       = "BEST_EFFORT"
  }
}
